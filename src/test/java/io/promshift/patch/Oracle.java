package io.promshift.patch;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A second, independent reader: SnakeYAML 2.x, of the libyaml family like go-yaml v3 (it reads a clip block
 * scalar at the end of a file without a final newline as go-yaml does, unlike SnakeYAML Engine). Edits must
 * not change what it reads either.
 */
final class Oracle {
  private Oracle() {}

  /** The first document's node tree, or null when this reader cannot read the text. */
  static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setAllowDuplicateKeys(true);
    try {
      return new Yaml(options).compose(new StringReader(text));
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Node follow(Node root, List<Integer> path) {
    Node node = root;
    for (int step : path) {
      if (node instanceof MappingNode map) {
        NodeTuple tuple = map.getValue().get(step / 2);
        node = step % 2 == 0 ? tuple.getKeyNode() : tuple.getValueNode();
      } else if (node instanceof SequenceNode seq) {
        node = seq.getValue().get(step);
      } else {
        return null;
      }
    }
    return node;
  }

  /** Values and resolved tags of a tree; entry {@code skipIndex} of {@code skipMap} left out. */
  static Object data(Node node, Node skipMap, int skipIndex) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      return List.of(scalar.getTag().getValue(), scalar.getValue());
    }
    List<Object> out = new ArrayList<>();
    out.add(node.getTag().getValue());
    if (node instanceof MappingNode map) {
      List<NodeTuple> tuples = map.getValue();
      for (int i = 0; i < tuples.size(); i++) {
        if (node == skipMap && i == skipIndex) {
          continue;
        }
        out.add(List.of(data(tuples.get(i).getKeyNode(), skipMap, skipIndex),
            data(tuples.get(i).getValueNode(), skipMap, skipIndex)));
      }
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        out.add(data(item, skipMap, skipIndex));
      }
    }
    return out;
  }
}
