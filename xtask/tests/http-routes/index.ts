export * from './widgets/widgets.js'
