// Generates TypeScript types with openapi-typescript for each document
// named on the command line, writing <document>.ts beside it; all in one
// process, since starting Node per document costs more than generating.
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const tools = process.env.TOOLS;
const { default: openapiTS, astToString } = await import(
  pathToFileURL(join(tools, "node_modules/openapi-typescript/dist/index.mjs"))
);

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const ast = await openapiTS(pathToFileURL(file), { silent: true });
    await writeFile(file.replace(/\.ya?ml$/, "") + ".ts", astToString(ast));
  } catch (err) {
    failed++;
    console.error(`${file}: openapi-typescript: ${err?.message ?? err}`);
  }
}
process.exit(failed ? 1 : 0);
