export { BarChart, type Bar } from "./BarChart";
export { ChartFrame, type ChartTable, type LegendItem } from "./ChartFrame";
export { LineChart, type Point } from "./LineChart";
export { StackedBarChart, type StackSeries } from "./StackedBarChart";
