// After `mvn promshift:check` from the root: the prefix is found, every module is checked, nothing is pending.
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[2]

assert log.contains('BUILD SUCCESS')
assert log.contains('--- promshift:@project.version@:check (default-cli) @ verify-clean ---'.replace('@project.version@', promshiftVersion))
assert log.contains('promshift:check: no provisioning files to process')                       // the root
assert log.contains('promshift:check: 1 file: 0 would change')                                 // service
assert log.contains('promshift:check: 2 files: 0 would change')                                // platform
return true
