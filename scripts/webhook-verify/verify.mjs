// Verifies webhook deliveries with the standardwebhooks package (an implementation independent of Ducha's).
// Reads a JSON file: [{"secrets": ["whsec_…", …], "headers": {"webhook-id": …, "webhook-timestamp": …,
// "webhook-signature": …}, "body": "<the exact body>"}, …]. Every delivery must verify with every secret it names.
// Prints "verified N" and exits 0, or names the first delivery that does not verify and exits 1.
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';

const deliveries = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let checks = 0;
for (const [i, d] of deliveries.entries()) {
  for (const secret of d.secrets) {
    try {
      new Webhook(secret).verify(d.body, d.headers);
      checks++;
    } catch (e) {
      console.error(`delivery ${i} (${d.headers['webhook-id']}) does not verify with secret ${d.secrets.indexOf(secret)}: ${e.message}`);
      process.exit(1);
    }
  }
  // A wrong secret must not verify: the check above is not vacuous.
  const wrong = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
  try {
    new Webhook(wrong).verify(d.body, d.headers);
    console.error(`delivery ${i} verifies with a wrong secret`);
    process.exit(1);
  } catch (e) {
    // expected
  }
}
console.log(`verified ${checks}`);
