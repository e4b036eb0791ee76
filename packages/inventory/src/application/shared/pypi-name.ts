/**
 * PEP 503 normalised project name: lower case, every run of "-", "_" and "." becomes one "-".
 *
 * @example
 * normalizePypiName('Django_Rest.Framework') // 'django-rest-framework'
 */
export function normalizePypiName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}
