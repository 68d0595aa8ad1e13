// After apply with to=prometheus: every file holds its original bytes again.
import java.nio.file.*

// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[2]
def sources = basedir.toPath().resolve('src/main/grafana')
def snapshot = basedir.toPath().resolve('snapshot')

assert log.contains('promshift:apply: 4 files: 4 changed (5 data sources to prometheus), 0 unchanged, 0 skipped, 0 failed')
assert log.contains('  17:5 "AMP Frankfurt B": grafana-amazonprometheus-datasource -> prometheus (marker removed)')
Files.walk(snapshot).filter { Files.isRegularFile(it) }.forEach { copy ->
  def file = sources.resolve(snapshot.relativize(copy).toString())
  assert Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(copy)) : "$file is not restored byte for byte"
}
return true
