import { expect, test } from 'vitest';
import { Field } from '../../views/layout.js';

// Issue 16: a field's error is named by its control (aria-describedby) and the control says it is invalid.

test('a field with an error ties the message to its control, keeping a hint it already named', async () => {
  const html = String(await (<Field label="Price" name="price" error="Enter a number." hint="In euros."><input id="f-price" name="price" aria-describedby="f-price-hint" /><span id="other">x</span></Field>));
  expect(html).toContain('<input id="f-price" name="price" aria-describedby="f-price-hint f-price-error" aria-invalid="true"/>');
  expect(html).toContain('<p class="error-text" id="f-price-error" role="alert">Enter a number.</p>');
  expect(html).toContain('<span id="other">x</span>');
});

test('a field without an error leaves its control as written', async () => {
  const html = String(await (<Field label="Price" name="price"><input id="f-price" name="price" /></Field>));
  expect(html).toContain('<input id="f-price" name="price"/>');
  expect(html).not.toContain('aria-invalid');
});
