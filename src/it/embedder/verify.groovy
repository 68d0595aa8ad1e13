// The embedder's dependency tree: the library and its runtime dependencies, nothing of Maven, nothing of picocli.
def tree = new File(basedir, 'dependency-tree.txt').getText('UTF-8')
println tree

assert tree.contains("io.promshift:promshift:jar:${promshiftVersion}:compile")
assert tree.contains('org.snakeyaml:snakeyaml-engine:jar:')
assert tree.contains('com.networknt:json-schema-validator:jar:')
['org.apache.maven', 'org.codehaus.plexus', 'org.eclipse.sisu', 'picocli'].each { banned ->
  assert !tree.contains(banned) : "an embedder receives $banned"
}
return true
