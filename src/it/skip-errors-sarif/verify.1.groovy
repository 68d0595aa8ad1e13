// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[1]

assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] Skipping promshift:validate (promshift.skip)')
assert !log.contains('20-broken.yaml')
assert !new File(basedir, 'target/promshift').exists()
return true
