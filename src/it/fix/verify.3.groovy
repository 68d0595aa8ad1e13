// After fixing a second time: nothing left to fix, no file touched (fix twice = fix once).
import java.nio.file.*

// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[3]
def sources = basedir.toPath().resolve('src/main/grafana/datasources')
def expected = basedir.toPath().resolve('expected/datasources')

assert log.contains('BUILD SUCCESS')
assert log.contains('promshift:fix: 4 files: 0 fixed (0 findings), 4 unchanged, 0 skipped, 0 failed; 1 finding left as it is')
assert !log.contains(': fixed [')
['10-amp.yaml', '20-values.yaml'].each { name ->
  assert Arrays.equals(Files.readAllBytes(sources.resolve(name)), Files.readAllBytes(expected.resolve(name))) : "$name changed again"
}
Files.walk(sources).filter { Files.isRegularFile(it) }.forEach { file ->
  assert Files.getLastModifiedTime(file).toMillis() == 946684800000L : "the second fix touched $file"
}
return true
