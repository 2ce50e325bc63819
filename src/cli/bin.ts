/** Entry point of the built command line. */
import { main, tolerateClosedPipes } from './main.js';

tolerateClosedPipes();
process.exitCode = await main(process.argv.slice(2));
