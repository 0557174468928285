import { ConfigurationError } from '../../src/core/errors';
import {
  booleanInput,
  configReader,
  envReader,
  enumInput,
  globsInput,
  intInput,
  layeredReader,
  listInput,
  optionalInput,
  recordReader,
  requiredInput,
} from '../../src/core/inputs';

const reader = (values: Record<string, string>) => recordReader(values);

function errorOf(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('typed input readers', () => {
  it('requiredInput names the missing input', () => {
    expect(errorOf(() => requiredInput(reader({}), 'token')).message).toContain(
      'Missing required input `token`',
    );
    expect(requiredInput(reader({ token: ' abc ' }), 'token')).toBe('abc');
  });

  it('optionalInput treats an empty string as not given', () => {
    expect(optionalInput(reader({ a: '' }), 'a')).toBeUndefined();
    expect(optionalInput(reader({ a: '' }), 'a', 'x')).toBe('x');
  });

  it('booleanInput is tri-state and rejects anything else naming the input', () => {
    expect(booleanInput(reader({}), 'dry-run')).toBeUndefined();
    expect(booleanInput(reader({ 'dry-run': '' }), 'dry-run', false)).toBe(false);
    expect(booleanInput(reader({ 'dry-run': 'TRUE' }), 'dry-run')).toBe(true);
    expect(booleanInput(reader({ 'dry-run': 'no' }), 'dry-run')).toBe(false);
    const error = errorOf(() => booleanInput(reader({ 'dry-run': 'maybe' }), 'dry-run'));
    expect(error.message).toContain('`dry-run`');
    expect(error.message).toContain('`true` or `false`');
  });

  it('intInput enforces whole numbers within bounds', () => {
    const bounds = { min: 1, max: 365, fallback: 90 };
    expect(intInput(reader({}), 'stale-days', bounds)).toBe(90);
    expect(intInput(reader({ 'stale-days': '30' }), 'stale-days', bounds)).toBe(30);
    expect(
      errorOf(() => intInput(reader({ 'stale-days': '3.5' }), 'stale-days', bounds)).message,
    ).toContain('a whole number from 1 to 365');
    expect(() => intInput(reader({ 'stale-days': '0' }), 'stale-days', bounds)).toThrow(
      ConfigurationError,
    );
    expect(() => intInput(reader({ 'stale-days': '366' }), 'stale-days', bounds)).toThrow(
      ConfigurationError,
    );
  });

  it('listInput splits on commas and newlines and drops empties', () => {
    expect(listInput(reader({ l: 'a, b\n\nc,' }), 'l')).toEqual(['a', 'b', 'c']);
    expect(listInput(reader({}), 'l', ['d'])).toEqual(['d']);
  });

  it('enumInput accepts listed values case-insensitively and lists the allowed ones otherwise', () => {
    const allowed = ['error', 'warning', 'never'] as const;
    expect(enumInput(reader({ 'fail-on': 'Warning' }), 'fail-on', allowed, 'never')).toBe(
      'warning',
    );
    expect(
      errorOf(() => enumInput(reader({ 'fail-on': 'sometimes' }), 'fail-on', allowed, 'never'))
        .message,
    ).toContain('one of `error`, `warning`, `never`');
  });

  it('globsInput refuses patterns that leave the repository', () => {
    expect(globsInput(reader({ docs: 'docs/**/*.md\n!docs/old/**' }), 'docs')).toEqual([
      'docs/**/*.md',
      '!docs/old/**',
    ]);
    expect(() => globsInput(reader({ docs: '../other/**' }), 'docs')).toThrow(/`docs`/);
    expect(() => globsInput(reader({ docs: '/etc/**' }), 'docs')).toThrow(ConfigurationError);
  });

  it('envReader reads INPUT_ variables the way the runner names them', () => {
    const env = { 'INPUT_STALE-DAYS': ' 12 ', INPUT_MY_INPUT: 'x' };
    expect(envReader(env).get('stale-days')).toBe('12');
    expect(envReader(env).get('my input')).toBe('x');
  });

  it('layeredReader lets action inputs override the config file, which overrides defaults', () => {
    const config = configReader(
      { 'stale-days': 60, docs: ['a/**', 'b/**'], enabled: false },
      '.github/tend.yml',
    );
    const layered = layeredReader(reader({ 'stale-days': '', enabled: 'true' }), config);
    expect(intInput(layered, 'stale-days', { min: 1, max: 365, fallback: 90 })).toBe(60);
    expect(listInput(layered, 'docs')).toEqual(['a/**', 'b/**']);
    expect(booleanInput(layered, 'enabled')).toBe(true);
    expect(intInput(layered, 'other', { min: 1, max: 9, fallback: 5 })).toBe(5);
  });

  it('names the config file when a config value is invalid', () => {
    const config = configReader({ 'stale-days': 'ninety' }, '.github/tend.yml');
    expect(
      errorOf(() => intInput(config, 'stale-days', { min: 1, max: 365, fallback: 90 })).message,
    ).toContain('Invalid .github/tend.yml `stale-days`');
  });
});

describe('layered inputs', () => {
  it('names the layer a bad value came from', () => {
    const layered = layeredReader(
      recordReader({ count: '7' }, 'input'),
      configReader({ 'stale-days': 'ninety' }, '.github/tend.yml'),
    );
    expect(() => intInput(layered, 'stale-days', { min: 1, max: 9, fallback: 5 })).toThrow(
      'Invalid .github/tend.yml `stale-days`',
    );
    expect(() => intInput(layered, 'count', { min: 1, max: 5, fallback: 1 })).toThrow(
      'Invalid input `count`',
    );
    expect(() => requiredInput(layered, 'missing')).toThrow('Missing required input `missing`');
  });
});

describe('composite actions', () => {
  it('reads inputs handed on as one JSON object in TEND_INPUTS', () => {
    const env = {
      TEND_INPUTS: JSON.stringify({ 'state-branch': 'memory', 'soak-days': '5', token: 'x' }),
    };
    expect(envReader(env).get('state-branch')).toBe('memory');
    expect(intInput(envReader(env), 'soak-days', { min: 0, max: 30, fallback: 3 })).toBe(5);
  });

  it('prefers a direct INPUT_ variable over TEND_INPUTS', () => {
    const env = {
      'INPUT_STATE-BRANCH': 'direct',
      TEND_INPUTS: JSON.stringify({ 'state-branch': 'bundled' }),
    };
    expect(envReader(env).get('state-branch')).toBe('direct');
  });

  it('refuses TEND_INPUTS that is not a JSON object, saying how to pass it', () => {
    expect(() => envReader({ TEND_INPUTS: '{oops' })).toThrow('toJSON(inputs)');
  });
});
