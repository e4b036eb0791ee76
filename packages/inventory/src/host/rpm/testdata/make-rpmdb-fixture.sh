#!/bin/sh
# Rebuilds rpmdb-built-here.*.tsv: tiny stand-in packages built with rpmbuild, installed into a
# private rpm database, then queried with the real rpm. Needs rpm + rpmbuild (Debian: apt-get install rpm) and gpg.
set -eu
OUT=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/SPECS"
# spec NAME VERSION RELEASE EPOCH(empty=none) ARCH(noarch|empty) SUBPACKAGE(empty=none)
spec() {
  {
    echo "Name: $1"; echo "Version: $2"; echo "Release: $3"
    [ -n "$4" ] && echo "Epoch: $4"
    echo "Summary: Patchloop test fixture $1"; echo "License: MIT"
    [ "$5" = noarch ] && echo "BuildArch: noarch"
    printf '%%description\nTiny package built for Patchloop inventory parser tests.\n'
    [ -n "$6" ] && printf '%%package %s\nSummary: subpackage %s\n%%description %s\nSubpackage.\n%%files %s\n/usr/share/patchloop-fixture/%s-%s\n' "$6" "$6" "$6" "$6" "$1" "$6"
    printf '%%install\nmkdir -p %%{buildroot}/usr/share/patchloop-fixture\necho %s > %%{buildroot}/usr/share/patchloop-fixture/%s\n' "$1" "$1"
    [ -n "$6" ] && printf 'echo %s > %%{buildroot}/usr/share/patchloop-fixture/%s-%s\n' "$6" "$1" "$6"
    printf '%%files\n/usr/share/patchloop-fixture/%s\n' "$1"
  } > "$W/SPECS/$1-$3.spec"
}
spec openssl 3.0.7 27.el9 1 "" libs
spec shadow-utils 4.9 8.el9 2 "" ""
spec tzdata 2024a 1.el9 "" noarch ""
spec kernel 5.14.0 70.13.1.el9_0 "" "" core
spec kernel 5.14.0 362.8.1.el9_3 "" "" core
for s in "$W"/SPECS/*.spec; do rpmbuild --define "_topdir $W" --define '_build_id_links none' -bb "$s" >/dev/null; done
R="$W/root"; mkdir "$R"
rpm --root "$R" --initdb
rpm --root "$R" -i --nodeps "$W"/RPMS/x86_64/kernel*70.13.1*.rpm
rpm --root "$R" -i --nodeps --replacefiles "$W"/RPMS/x86_64/kernel*362.8.1*.rpm "$W"/RPMS/x86_64/openssl*.rpm "$W"/RPMS/x86_64/shadow*.rpm "$W"/RPMS/noarch/tzdata*.rpm
rpm --root "$R" --import "$OUT/fixture-signing-key.asc"
rpm --root "$R" -qa --queryformat '%{NAME}\t%{EPOCH}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\n' > "$OUT/rpmdb-built-here.qa.tsv"
rpm --root "$R" -qa --queryformat '%{NAME}\t%{EVR}\t%{ARCH}\n' > "$OUT/rpmdb-built-here.evr.tsv"
