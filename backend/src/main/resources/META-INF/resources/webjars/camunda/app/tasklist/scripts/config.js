// Jiandu: Tasklist configuration. Chinese (locales/zh.json, every key of Camunda's English file, checked by
// WebappLocalesTest) for every browser; add 'en' to availableLocales to offer English to English browsers.
export default {
  app: {
    name: '待办任务',
    vendor: '行政执法监督平台'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '焦点移到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '焦点移到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '焦点移到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
