import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/database";
import { RESET_LINK_LIFETIME_MS, resetLinkFor } from "../server/modules/auth/password-reset.service";

const USAGE = "Usage: npm run reset-password -- EMAIL\n";

/**
 * `npm run reset-password -- EMAIL`: the operator's way to a new password when email is off (no
 * SMTP_URL). Prints a one-time link for the account with that address, the same link a reset mail
 * would carry; the operator passes it on. Exit codes: 0 printed, 1 unknown address or failure,
 * 2 wrong usage.
 */
async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || !args[0]?.includes("@")) {
    process.stderr.write(USAGE);
    return 2;
  }
  const email = args[0].trim();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const link = await resetLinkFor(database.db, config.publicUrl, email);
    if (!link) {
      process.stderr.write(`There is no account with the address ${email}; no link was made.\n`);
      return 1;
    }
    const hours = RESET_LINK_LIFETIME_MS / 3_600_000;
    process.stdout.write(
      [
        `A one-time link to choose a new password for ${email}:`,
        "",
        `  ${link}`,
        "",
        `It is valid for ${hours === 1 ? "one hour" : `${hours} hours`} and works once; using it signs the account out everywhere.`,
        "Pass it on through a channel you trust: whoever has it can set the password.",
        "",
      ].join("\n"),
    );
    return 0;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `reset-password failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
