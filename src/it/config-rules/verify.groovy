// IT: the build passes: .promshift.yaml made the empty region a warning, its grafana.ini allows ec2_iam_role, and
// the rules parameter turned migration-pending off.
def log = new File(basedir, 'build.log').getText('UTF-8')
def file = new File(basedir, 'src/main/grafana/datasources/amp.yaml').absolutePath

assert log.contains('BUILD SUCCESS')
assert log.contains('[WARNING] ' + file + ':13:20: warning [sigv4-region-missing] ')
assert !log.contains('sigv4-auth-type-provider')
assert !log.contains('migration-pending')
assert log.contains('promshift:validate: 0 errors, 1 warning, 0 infos in 1 file')
return true
