/** The list shape every collection of the API answers with, Stripe's. */
package app.rundun.contracts.lists;
