/** Organisation members: the executors of member runs, who sign in with a password. */
package app.rundun.contracts.members;
