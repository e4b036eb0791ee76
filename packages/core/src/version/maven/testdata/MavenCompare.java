import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.maven.artifact.versioning.ComparableVersion;

/** Oracle for maven.oracle.test.ts: reads "a<TAB>b" lines, prints the sign of compareTo per line. */
public class MavenCompare {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      int tab = line.indexOf('\t');
      ComparableVersion a = new ComparableVersion(line.substring(0, tab));
      ComparableVersion b = new ComparableVersion(line.substring(tab + 1));
      out.println(Integer.signum(a.compareTo(b)));
    }
    out.flush();
  }
}
