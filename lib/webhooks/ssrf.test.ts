import { describe, expect, it } from 'vitest';
import { checkUrlShape, checkWebhookUrl, isPrivateAddress } from './ssrf';

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', 'fc12:3456::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a9fe:a9fe', '[::1]', 'fe80::1%eth0', 'not-an-ip'])(
    '%s is refused',
    (addr) => expect(isPrivateAddress(addr)).toBe(true),
  );
  it.each(['1.1.1.1', '8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (addr) => expect(isPrivateAddress(addr)).toBe(false));
});

describe('checkWebhookUrl', () => {
  const publicDns = async () => [{ address: '93.184.216.34' }];
  it.each([
    ['http://example.com/hook', /https/],
    ['https://127.0.0.1/hook', /loopback, private/],
    ['https://10.1.2.3/hook', /loopback, private/],
    ['https://169.254.169.254/latest/meta-data', /loopback, private/],
    ['https://[::1]/hook', /loopback, private/],
    ['https://[::ffff:127.0.0.1]/hook', /loopback, private/],
    ['https://localhost/hook', /loopback/],
    ['https://user:pw@example.com/hook', /credentials/],
    ['ftp://example.com/', /https/],
    ['not a url', /valid URL/],
  ])('refuses %s', async (url, why) => {
    await expect(checkWebhookUrl(url, false, publicDns)).rejects.toThrow(why);
  });

  it('refuses a name that resolves to a private address (any of its addresses)', async () => {
    await expect(checkWebhookUrl('https://internal.example.com/x', false, async () => [{ address: '93.184.216.34' }, { address: '10.0.0.7' }])).rejects.toThrow(/10\.0\.0\.7/);
    await expect(checkWebhookUrl('https://metadata.example.com/x', false, async () => [{ address: '169.254.169.254' }])).rejects.toThrow(/169\.254/);
    await expect(checkWebhookUrl('https://nowhere.example.com/x', false, async () => Promise.reject(new Error('ENOTFOUND')))).rejects.toThrow(/could not be resolved/);
  });

  it('accepts https to public addresses; allowPrivate lifts the rules (and allows http:)', async () => {
    await expect(checkWebhookUrl('https://hooks.example.com/x', false, publicDns)).resolves.toBeInstanceOf(URL);
    expect(checkUrlShape('http://127.0.0.1:9999/x', true).port).toBe('9999');
    await expect(checkWebhookUrl('https://10.0.0.1/x', true, publicDns)).resolves.toBeInstanceOf(URL);
  });
});
