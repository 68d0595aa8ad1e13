// After check (expected to fail): the diff of each file that would change, secrets masked, nothing written.
import java.nio.file.*

// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[1]
def sources = basedir.toPath().resolve('src/main/grafana')
def snapshot = basedir.toPath().resolve('snapshot')

assert log.contains('BUILD FAILURE')
assert log.contains(sources.resolve('datasources/10-amp.yaml').toString() + ': the migration to plugin types would change 1 data source:')
assert log.contains('--- a/src/main/grafana/datasources/10-amp.yaml')
assert log.contains('+++ b/src/main/grafana/datasources/10-amp.yaml')
assert log.contains('-    type: prometheus')
assert log.contains('+    type: grafana-amazonprometheus-datasource')
assert log.contains('+      prometheus-type-migration: true')
assert log.contains('--- a/src/main/grafana/datasources/20-azure.yml')
assert log.contains('type: grafana-azureprometheus-datasource, access: proxy,')
assert !log.contains('30-in-cluster.yaml') : 'a file that would not change has no diff'
assert !log.contains('dashboards.yaml') : 'a file that is not a data source file is skipped quietly'
// the secrets in the diff's context lines are masked
assert log.contains('sigV4SecretKey: ••••••')
assert !log.contains('AKIAIOSFODNN7EXAMPLE') && !log.contains('wJalrXUtnFEMI')
assert log.contains('2 provisioning files would change in a migration to plugin types:')
assert log.contains("Run 'mvn promshift:apply' to rewrite them.")
assert !log.contains('\tat ') : 'no stack trace'
// check writes nothing
Files.walk(snapshot).filter { Files.isRegularFile(it) }.forEach { copy ->
  def file = sources.resolve(snapshot.relativize(copy).toString())
  assert Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(copy)) : "check changed $file"
  assert Files.getLastModifiedTime(file).toMillis() == 946684800000L : "check touched $file"
}
return true
