/** Quota: the runs a plan and its run packs allow per calendar month (UTC), counted exactly. */
package app.rundun.processor.quota;
