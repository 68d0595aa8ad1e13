// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[2]
def dir = new File(basedir, 'src/main/grafana/datasources').absolutePath

assert log.contains('BUILD FAILURE')
assert log.contains("[ERROR] $dir/20-broken.yaml:13:13: error [yaml-syntax] ")
assert log.contains("[WARNING] $dir/10-amp.yaml:11:22: warning [sigv4-auth-type-provider] ")
assert log.contains('promshift:validate: 1 error, 1 warning, 1 info in 2 files')
assert !log.contains('dashboards.yaml') : 'a file that is not a data source file is ignored'
assert !log.contains('\tat ') && !(log =~ /\w+(Exception|Error): /) : 'no stack trace at the default log level'

// the reports are written before the build fails, naming files relative to the project
def reports = new File(basedir, 'target/promshift')
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'findings.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.name == 'promshift'
def results = sarif.runs[0].results
assert results*.ruleId == ['sigv4-auth-type-provider', 'migrated', 'yaml-syntax']
def broken = results.find { it.ruleId == 'yaml-syntax' }
assert broken.level == 'error'
assert broken.locations[0].physicalLocation.artifactLocation.uri == 'src/main/grafana/datasources/20-broken.yaml'
assert broken.locations[0].physicalLocation.region.startLine == 13
assert broken.locations[0].physicalLocation.region.startColumn == 13
assert sarif.runs[0].tool.driver.rules*.id.contains('yaml-syntax')

def json = new groovy.json.JsonSlurper().parse(new File(reports, 'findings.json'))
assert json.findings.size() == 3 && json.findings[2].file == 'src/main/grafana/datasources/20-broken.yaml' && json.findings[2].line == 13
assert json.summary.files == 2 && json.summary.severities == [error: 1, warning: 1, info: 1]
def text = new File(reports, 'findings.txt').getText('UTF-8')
assert text.contains('src/main/grafana/datasources/20-broken.yaml:13:13: error [yaml-syntax]')
assert text.endsWith('1 error, 1 warning, 1 info in 2 files\n')
return true
