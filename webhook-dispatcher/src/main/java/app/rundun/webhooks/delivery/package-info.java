/** One HTTP attempt: signed the Standard Webhooks way, to a checked address, never redirected. */
package app.rundun.webhooks.delivery;
