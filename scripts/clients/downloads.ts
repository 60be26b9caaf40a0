// Downloads through the generated TypeScript client what a web frontend downloads: the Circular 13
// export as typed JSON and as files, and an import template. Run by generate-clients.sh with the
// service's base URL and an access token; fails on the first file that is not what it claims.
import { Configuration, ImportsApi, IndicatorsApi } from './index';

declare const process: { argv: string[]; exit(code: number): never };

async function main(base: string, token: string): Promise<void> {
  const config = new Configuration({ basePath: base + '/api/v1', accessToken: token });
  const indicators = new IndicatorsApi(config);
  const imports = new ImportsApi(config);

  const values = await indicators.exportCircular13({ unit: '06298', period: '2025' });
  if (!('indicators' in values)) {
    throw new Error('the JSON export has no indicators');
  }
  console.log(`TypeScript: export as JSON, ${values.indicators.length} indicators`);
  for (const format of ['xlsx', 'csv', 'dhis2'] as const) {
    await check(`export ${format}`, await indicators.downloadCircular13({ unit: '06298', period: '2025', format }), format);
  }
  for (const format of ['xlsx', 'csv'] as const) {
    await check(`children template ${format}`, await imports.getImportTemplate({ kind: 'children', format }), format);
  }
}

async function check(what: string, file: Blob, format: string): Promise<void> {
  const start = new Uint8Array(await file.slice(0, 3).arrayBuffer());
  const ok = format === 'xlsx' ? start[0] === 0x50 && start[1] === 0x4b
    : format === 'csv' ? start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf
    : start[0] === 0x7b;
  if (!ok) {
    throw new Error(`${what} is not a ${format} file`);
  }
  console.log(`TypeScript: ${what}, ${file.size} bytes`);
}

main(process.argv[2], process.argv[3]).catch((e) => {
  console.error(e);
  process.exit(1);
});
