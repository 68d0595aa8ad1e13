// IT 2: the build fails at verify, and the log names the file, line, column and rule, compiler style.
def log = new File(basedir, 'build.log').getText('UTF-8')
def file = new File(basedir, 'src/main/grafana/datasources/amp.yaml').absolutePath

assert log.contains('BUILD FAILURE')
assert log.contains('[ERROR] ' + file + ':12:20: error [amp-url-region-mismatch] sigV4Region is eu-west1 but the workspace URL is in eu-west-1')
assert log.contains('[ERROR]   fix: write sigV4Region: eu-west-1 (or correct the url)')
assert log.contains('[ERROR] ' + file + ':12:20: error [schema] jsonData.sigV4Region is the string "eu-west1"')
assert log.contains('promshift:validate: 2 errors, 0 warnings, 1 infos in 1 file')
// the failure message repeats the findings for the end of a long build log
assert log.contains('2 findings at or above error (failOn):')
assert !log.contains('\tat ') : 'no stack trace at the default log level'
return true
