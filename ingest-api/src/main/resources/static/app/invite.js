/* The invite page: sets the member's password with the token in the link. */
"use strict";

const form = document.getElementById("invite");
const error = document.getElementById("invite-error");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const password = form.password.value;
  if (password.length < 10) return (error.textContent = "Use 10 characters or more.");
  if (password !== form.confirm.value) return (error.textContent = "The two passwords are not the same.");
  const token = location.pathname.split("/")[2];
  const response = await fetch("/v1/invites/accept", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token, password }),
  });
  const body = await response.json();
  if (!response.ok) return (error.textContent = body.message);
  const main = document.getElementById("main");
  main.replaceChildren();
  const title = document.createElement("h1");
  title.textContent = "Your password is set";
  const note = document.createElement("p");
  note.className = "lead";
  note.textContent = "Sign in with " + body.email + " when you open a checklist link.";
  main.append(title, note);
});
