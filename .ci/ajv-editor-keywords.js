// ajv-cli -c module: declares the schema's editor annotations, which ajv's strict mode refuses as unknown
// keywords. markdownDescription is what VS Code's JSON and YAML language servers show in place of description;
// like description it annotates and never validates.
module.exports = (ajv) => {
  ajv.addKeyword({ keyword: "markdownDescription", schemaType: "string" });
};
