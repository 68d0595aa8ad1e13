// After validate: the fixed findings are gone; the one fix left (a shared scalar) is still reported.
// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[4]
assert log.contains('BUILD SUCCESS')
['api-version-quoted', 'amp-url-api-v1', 'sigv4-ignored-key', 'http-method-spelling'].each { rule ->
  assert !log.contains("[$rule]") : "$rule is still reported"
}
assert log.findAll(/\[sigv4-auth-not-boolean\]/).size() == 1
assert log.contains('30-shared.yaml:8:22: warning [sigv4-auth-not-boolean]')
// the summary names the Maven goal that fixes, not the CLI's command
assert log.contains('promshift:validate: 0 errors, 2 warnings, 2 infos in 4 files; 1 fixable (mvn promshift:fix)')
assert !log.contains('promshift fix')
return true
