/** Template versions: every update is the next version; a run keeps the one it started with. */
package app.rundun.processor.templates;
