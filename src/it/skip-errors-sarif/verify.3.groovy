// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[3]
def dir = new File(basedir, 'src/main/grafana/datasources').absolutePath

assert log.contains('BUILD SUCCESS')
assert log.contains("[WARNING] $dir/20-broken.yaml:13:13: warning [yaml-syntax] ")
assert log.contains('promshift:validate: 0 errors, 2 warnings, 1 info in 2 files')
return true
