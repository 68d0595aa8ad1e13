// After fix: every fixable finding is fixed, to the expected bytes (comments, quoting and layout kept); the files
// with nothing to fix are untouched.
import java.nio.file.*
import java.nio.file.attribute.FileTime

// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[2]
def sources = basedir.toPath().resolve('src/main/grafana/datasources')
def snapshot = basedir.toPath().resolve('snapshot/datasources')
def expected = basedir.toPath().resolve('expected/datasources')
def amp = sources.resolve('10-amp.yaml').toString()

assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] ' + amp + ': fixed (4 fixes)')
assert log.contains('[INFO] ' + amp + ':2:13: fixed [api-version-quoted] apiVersion: "1" → 1')
assert log.contains('[INFO] ' + amp + ':9:10: fixed [amp-url-api-v1] url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1f426ecd-a6c7-4453-909c-5806302902b2/api/v1 → https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1f426ecd-a6c7-4453-909c-5806302902b2')
assert log.contains('[INFO] ' + amp + ':14:7: fixed [sigv4-ignored-key] assumeRoleArn → sigV4AssumeRoleArn')
assert log.contains('[INFO] ' + amp + ':15:19: fixed [http-method-spelling] httpMethod: post → POST')
assert log.contains('promshift:fix: 1 file fixed: 4 fixes (3 files unchanged)')

['10-amp.yaml', '20-values.yaml'].each { name ->
  assert Arrays.equals(Files.readAllBytes(sources.resolve(name)), Files.readAllBytes(expected.resolve(name))) : "$name differs from expected/$name"
}
['30-shared.yaml', '40-clean.yaml'].each { name ->
  assert Arrays.equals(Files.readAllBytes(sources.resolve(name)), Files.readAllBytes(snapshot.resolve(name))) : "fix changed $name"
  assert Files.getLastModifiedTime(sources.resolve(name)).toMillis() == 946684800000L : "fix touched $name"
}
// no temp file left behind
assert !Files.walk(sources).anyMatch { it.fileName.toString() ==~ /\.promshift-.*\.tmp|.*\.promshift\.tmp/ }
// dated back, so that the next fix shows whether it touches them
Files.walk(sources).filter { Files.isRegularFile(it) }.forEach { Files.setLastModifiedTime(it, FileTime.fromMillis(946684800000L)) }
return true
