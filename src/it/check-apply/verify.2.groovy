// After apply: exactly the files that needed it are rewritten, to the expected bytes; the others are untouched.
import java.nio.file.*

// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[2]
def sources = basedir.toPath().resolve('src/main/grafana')
def snapshot = basedir.toPath().resolve('snapshot')
def expected = basedir.toPath().resolve('expected')

assert log.contains(sources.resolve('datasources/10-amp.yaml').toString() + ': 1 data source to plugin types')
assert log.contains('  6:5 "AMP Production": prometheus -> grafana-amazonprometheus-datasource (marker added)')
assert log.contains('  3:5 "Azure Prometheus": prometheus -> grafana-azureprometheus-datasource (marker added)')
assert log.contains('promshift:apply: 4 files: 2 changed (2 data sources to plugin types), 1 unchanged, 1 skipped, 0 failed')

['datasources/10-amp.yaml', 'datasources/20-azure.yml'].each { name ->
  assert Arrays.equals(Files.readAllBytes(sources.resolve(name)), Files.readAllBytes(expected.resolve(name))) : "$name differs from expected/$name"
}
['datasources/30-in-cluster.yaml', 'dashboards/dashboards.yaml'].each { name ->
  def file = sources.resolve(name)
  assert Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(snapshot.resolve(name))) : "apply changed $name"
  assert Files.getLastModifiedTime(file).toMillis() == 946684800000L : "apply touched $name"
}
// no temp file left behind
assert !Files.walk(sources).anyMatch { it.fileName.toString() ==~ /\.promshift-.*\.tmp|.*\.promshift\.tmp/ }
return true
