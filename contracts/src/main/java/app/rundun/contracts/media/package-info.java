/** Signed, expiring URLs for answer photos, so a URL works only for whoever was given it. */
package app.rundun.contracts.media;
