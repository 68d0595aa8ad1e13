// After fixing a second time: nothing left to fix, no file touched (fix twice = fix once).
import java.nio.file.*

// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[3]
def sources = basedir.toPath().resolve('src/main/grafana/datasources')
def expected = basedir.toPath().resolve('expected/datasources')

assert log.contains('BUILD SUCCESS')
assert log.contains('promshift:fix: 0 files fixed: 0 fixes (4 files unchanged)')
assert log.contains('30-shared.yaml:8:22: note: [sigv4-auth-not-boolean] sigV4Auth is shared with other data')
assert !log.contains(': fixed [')
['10-amp.yaml', '20-values.yaml'].each { name ->
  assert Arrays.equals(Files.readAllBytes(sources.resolve(name)), Files.readAllBytes(expected.resolve(name))) : "$name changed again"
}
Files.walk(sources).filter { Files.isRegularFile(it) }.forEach { file ->
  assert Files.getLastModifiedTime(file).toMillis() == 946684800000L : "the second fix touched $file"
}
return true
