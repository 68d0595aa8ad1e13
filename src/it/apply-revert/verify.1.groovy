// After the forward apply: every file moved to the plugin types, its BOM and CRLF line endings kept.
import java.nio.file.*

// this invocation's part of build.log (the invoker appends every invocation's output to it)
def log = new File(basedir, 'build.log').getText('UTF-8').split(java.util.regex.Pattern.quote('[INFO] Scanning for projects...'))[1]
def sources = basedir.toPath().resolve('src/main/grafana/datasources')
def snapshot = basedir.toPath().resolve('snapshot/datasources')

assert log.contains('promshift:apply: 4 files: 4 changed (5 data sources to plugin types), 0 unchanged, 0 skipped, 0 failed')
['10-amp-windows.yaml', '20-amp.yaml', '30-azure.yml', '40-anchors.yaml'].each { name ->
  assert !Arrays.equals(Files.readAllBytes(sources.resolve(name)), Files.readAllBytes(snapshot.resolve(name))) : "$name did not change"
}
byte[] windows = Files.readAllBytes(sources.resolve('10-amp-windows.yaml'))
assert windows[0] == (byte) 0xEF && windows[1] == (byte) 0xBB && windows[2] == (byte) 0xBF : 'the BOM is kept'
def text = new String(windows, 'UTF-8')
assert text.contains('    type: "grafana-amazonprometheus-datasource"   # quoted on purpose\r\n')
assert text.replace('\r\n', '').indexOf('\n') < 0 : 'CRLF line endings are kept'
def anchors = new String(Files.readAllBytes(sources.resolve('40-anchors.yaml')), 'UTF-8')
assert anchors.contains('    jsonData:\n      <<: *aws\n      prometheus-type-migration: true\n')
return true
