// An update server on 127.0.0.1 for the update tests: a release key made for the test,
// minisign signatures as the Tauri CLI writes them (prehashed Ed25519, the version in the
// trusted comment), a manifest and an artifact.
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer } from "node:http";

const b64 = (bytes) => Buffer.from(bytes).toString("base64");

export function releaseKey() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x, "base64url");
  const keyId = randomBytes(8);
  const id = Buffer.from(keyId).reverse().toString("hex").toUpperCase();
  const file = `untrusted comment: minisign public key ${id}\n${b64(Buffer.concat([Buffer.from("Ed"), keyId, raw]))}\n`;
  return {
    /** As tauri.conf.json holds it: the public key file, base64-encoded. */
    config: b64(file),
    /** The signature a manifest carries for `bytes`, signed as `version`. */
    sign(bytes, version) {
      const prehash = createHash("blake2b512").update(bytes).digest();
      const signature = sign(null, prehash, privateKey);
      const trusted = `timestamp:1764489600\tfile:pilotdesk\tversion:${version}`;
      const global = sign(null, Buffer.concat([signature, Buffer.from(trusted)]), privateKey);
      const text = [
        "untrusted comment: signature from the test's release key",
        b64(Buffer.concat([Buffer.from("ED"), keyId, signature])),
        `trusted comment: ${trusted}`,
        b64(global),
        "",
      ].join("\n");
      return b64(text);
    },
  };
}

/** A new build: an ELF header (what the installer expects of a Linux app) and padding. */
export function build(version) {
  const bytes = Buffer.alloc(2 * 1024 * 1024, 0x5a);
  Buffer.from(`\x7fELF Pilotdesk ${version} `, "latin1").copy(bytes);
  return bytes;
}

/**
 * Serves `/manifest` announcing `version` and `/artifact` with `artifact`; resolves to the
 * server with its manifest URL. `downloads` counts artifact requests.
 */
export async function serveRelease({ version, notes, signature, artifact }) {
  let downloads = 0;
  const server = createServer((request, response) => {
    const { port } = server.address();
    if (request.url === "/manifest") {
      const manifest = {
        version,
        notes,
        pub_date: "2026-11-30T08:00:00Z",
        platforms: { "linux-x86_64": { url: `http://127.0.0.1:${port}/artifact`, signature } },
      };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(manifest));
    } else if (request.url === "/artifact") {
      downloads += 1;
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": artifact.length }).end(artifact);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/manifest`,
    downloads: () => downloads,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
