// IT 1: a clean project passes verify, in both modules, in parallel, with nothing written to the sources.
// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[1]

assert log.contains('BUILD SUCCESS')
assert !log.contains('not marked as @threadSafe') : 'Maven warned that a goal is not thread-safe'
assert log.count('promshift:validate: 0 errors, 0 warnings, 1 info in 1 file') == 2
assert log.count('promshift:check: 1 file: 0 would change') == 1      // service
assert log.count('promshift:check: 2 files: 0 would change') == 1     // platform: amp.yaml and the dashboards file
// infos are not logged by default (show=warning), only counted with the option that shows them
assert !log.contains(new File(basedir, 'service/src/main/grafana/datasources/prometheus.yaml').absolutePath + ':21:34: info [migrated]')
assert log.count('promshift:validate: 0 errors, 0 warnings, 1 info in 1 file; 1 info finding not shown (-Dpromshift.show=info)') == 2
// the env file was read: the placeholder is checked, not reported as unchecked
assert !log.contains('placeholder-unchecked')
// the dashboards provider file is not a data source file: skipped without a word at the default log level
assert !log.contains('dashboards.yaml')
assert !log.contains('[ERROR]') && !log.contains('[WARNING]') : 'a clean build says nothing alarming'

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'platform/target/promshift/findings.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results*.ruleId == ['migrated']
assert sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri == 'provisioning/datasources/amp.yaml'
assert !new File(basedir, 'service/target/promshift').exists() : 'no report unless asked for'
return true
