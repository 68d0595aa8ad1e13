// IT 2: the build fails at verify, and the log names the file, line, column and rule, compiler style.
def log = new File(basedir, 'build.log').getText('UTF-8')
def file = new File(basedir, 'src/main/grafana/datasources/amp.yaml').absolutePath

assert log.contains('BUILD FAILURE')
// the rules' wording is theirs to improve: the test pins the place, the rule, the value and the fix's region
def mismatch = log.readLines().find { it.startsWith('[ERROR] ' + file + ':12:20: error [amp-url-region-mismatch] ') }
assert mismatch != null && mismatch.contains('eu-west1')
assert log.readLines().any { it.startsWith('[ERROR]   fix: ') && it.contains('sigV4Region: eu-west-1') }
assert log.contains('[ERROR] ' + file + ':12:20: error [schema] ')
assert log.contains('promshift:validate: 2 errors, 0 warnings, 1 info in 1 file')
// the failure message repeats the findings for the end of a long build log
assert log.contains('2 findings at or above error (failOn):')
assert !log.contains('\tat ') : 'no stack trace at the default log level'
return true
