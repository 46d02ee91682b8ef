// What the weather box shows for one place: plain data from the query to the view.

export interface WeatherBoxItem {
  placeName: string;
  text: string;
  tempMin: number | null;
  tempMax: number | null;
  updatedAt: Date;
  stale: boolean;
  /** The demo paper's sample forecast: shown with its date, never as today's weather. */
  demo: boolean;
}
