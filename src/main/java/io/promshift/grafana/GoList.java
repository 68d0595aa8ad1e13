package io.promshift.grafana;

import io.promshift.syntax.SequenceNode;
import java.util.ArrayList;
import java.util.List;

/** A sequence as Grafana sees it. */
public record GoList(List<GoValue> items, SequenceNode node) implements GoValue {
  public GoList {
    items = List.copyOf(items);
  }

  @Override
  public Object toPlain() {
    List<Object> plain = new ArrayList<>(items.size());
    for (GoValue item : items) {
      plain.add(item.toPlain());
    }
    return plain;
  }

  @Override
  public String kindName() {
    return "list";
  }
}
