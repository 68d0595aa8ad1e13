// The configured directory does not exist: the build fails at the first goal, naming its absolute path
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[3]
def missing = new File(basedir, 'provisioning').absolutePath

assert log.contains('BUILD FAILURE')
assert log.contains("promshift:validate: the configured directory $missing does not exist (fix directories, or skip"
    + ' the goal in this module with promshift.validate.skip)')
assert !log.contains('\tat ') : 'no stack trace'
return true
