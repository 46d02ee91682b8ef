// What readers see of comments and polls: plain data from the queries to the views.
import type { Poll, PollOption } from "./records";

export interface PollWithOptions {
  poll: Poll;
  options: PollOption[];
}

export interface PublicComment {
  id: number;
  name: string;
  body: string;
  createdAt: Date;
  replies: PublicComment[];
}
