// After fix limited to sigv4-auth-not-boolean: only its findings are fixed, plain and embedded alike; the other
// findings of the same file stay, and a finding whose fix would change other data stays with a warning.
import java.nio.file.*

// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[1]
def sources = basedir.toPath().resolve('src/main/grafana/datasources')
def snapshot = basedir.toPath().resolve('snapshot/datasources')

assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] ' + sources.resolve('10-amp.yaml') + ': fixed (1 fix)')
assert log.contains('[INFO] ' + sources.resolve('10-amp.yaml') + ':11:18: fixed [sigv4-auth-not-boolean] sigV4Auth: yes → true')
assert log.contains('[INFO] ' + sources.resolve('20-values.yaml') + ':8:20: fixed [sigv4-auth-not-boolean]'
    + ' sigV4Auth: "true" → true at grafana.additionalDataSources[0].jsonData.sigV4Auth')
assert log.contains('[WARNING] ' + sources.resolve('30-shared.yaml') + ':8:22: note: [sigv4-auth-not-boolean] sigV4Auth is'
    + ' shared with other data (an anchor or a merge key) that this fix does not change; the finding stays:'
    + ' write sigV4Auth: true')
assert log.contains('promshift:fix: 2 files fixed: 2 fixes (2 files unchanged)')
assert !log.contains('[api-version-quoted]') && !log.contains('[sigv4-ignored-key]') : 'only the rule asked for'

def amp = new String(Files.readAllBytes(sources.resolve('10-amp.yaml')), 'UTF-8')
def original = new String(Files.readAllBytes(snapshot.resolve('10-amp.yaml')), 'UTF-8')
assert amp == original.replace('sigV4Auth: yes   #', 'sigV4Auth: true   #')
def values = new String(Files.readAllBytes(sources.resolve('20-values.yaml')), 'UTF-8')
assert values.contains('        sigV4Auth: true   # a string, never a boolean\n')
['30-shared.yaml', '40-clean.yaml'].each { name ->
  assert Arrays.equals(Files.readAllBytes(sources.resolve(name)), Files.readAllBytes(snapshot.resolve(name))) : "fix changed $name"
  assert Files.getLastModifiedTime(sources.resolve(name)).toMillis() == 946684800000L : "fix touched $name"
}
return true
