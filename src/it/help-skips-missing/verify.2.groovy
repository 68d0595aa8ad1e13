// Each goal's own skip: one line per goal naming the property; nothing else runs (the missing directory included)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[2]

assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] Skipping promshift:validate (promshift.validate.skip)')
assert log.contains('[INFO] Skipping promshift:check (promshift.check.skip)')
assert log.contains('[INFO] Skipping promshift:apply (promshift.apply.skip)')
assert log.contains('[INFO] Skipping promshift:fix (promshift.fix.skip)')
assert !log.contains('does not exist')
return true
