/** Members of each organisation, kept on the organisation's partition. */
package app.rundun.processor.members;
