import { runAction } from '../core/run-action';
import { definition } from './main';

await runAction(definition);
