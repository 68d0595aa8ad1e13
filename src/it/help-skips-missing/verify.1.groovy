// mvn promshift:help -Ddetail -Dgoal=check: the goal's description and its parameters with their properties
// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[1]

assert log.contains('BUILD SUCCESS')
assert log.contains('promshift:check')
assert log.contains('Fails the build when the migration')
assert log.contains('User property: promshift.check.skip')
assert log.contains('User property: promshift.patchFile')
assert log.contains('User property: promshift.skip')
assert !log.contains('promshift:apply\n') : 'one goal, as -Dgoal asked'
return true
