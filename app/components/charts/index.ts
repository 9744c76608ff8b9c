export { BarChart } from "./BarChart";
export { LineChart } from "./LineChart";
export { StackedBarChart } from "./StackedBarChart";
