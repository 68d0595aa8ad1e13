package io.promshift.migrate;

import io.promshift.model.PromTypeMigration;

/** The plugin a forward migration may move sources to. */
public enum Target {
  AMAZON(PromTypeMigration.AMAZON),
  AZURE(PromTypeMigration.AZURE);

  private final String pluginType;

  Target(String pluginType) {
    this.pluginType = pluginType;
  }

  public String pluginType() {
    return pluginType;
  }

  public static Target ofPluginType(String type) {
    for (Target target : values()) {
      if (target.pluginType.equals(type)) {
        return target;
      }
    }
    return null;
  }
}
