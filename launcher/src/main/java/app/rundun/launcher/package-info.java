/** One command, one machine: an in-process KRaft broker and the three services, with a demo org. */
package app.rundun.launcher;
