// A server process that loads the app's modules first and starts only when told (issue 15,
// promise 2). Loading the module graph through tsx takes seconds on a busy machine, and a crash
// suite that paid it after every SIGKILL would spend its minute booting. What runs on "go" is the
// real entry point, server/index.ts, with the environment this process was given (PORT,
// DATABASE_PATH): the same start-up code as `npm start`, only with its imports already cached.
const warm = Promise.all([
  import('../../server/app.js'),
  import('../../server/env.js'),
  import('../../db/client.js'),
  import('../../db/migrate.js'),
  import('../../seeds/demo.js'),
  import('../../server/mail/scheduler.js'),
  import('../../server/mail/settings.js'),
  import('../../server/mail/transport.js'),
  import('../../server/content/demo-login.js'),
]);

process.once('message', () => {
  void warm.then(() => import('../../server/index.js'));
});

// The suite that spawned this process is gone (it crashed or was stopped): no server outlives it.
process.once('disconnect', () => process.exit(1));
